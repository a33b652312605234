"""Text layer: language tables, sentence segmentation and page-furniture detection."""
