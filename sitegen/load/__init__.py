"""Loading content: article files (front matter + Markdown) into `Article`s, with every problem found.

`load_article` reads one file, `load_corpus` a folder of them; both report problems as
`Problem`s naming the file and line, and never write into the content folder.
"""

from sitegen.load.article import load_article, read_article
from sitegen.load.corpus import load_corpus

__all__ = ["load_article", "load_corpus", "read_article"]
