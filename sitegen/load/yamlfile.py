"""YAML with line numbers: mappings remember the file line of each key, duplicates are caught.

PyYAML's SafeLoader forgets where things were; editorial files need errors that name the
line, so mappings are built as `LineDict`s carrying `line` and `key_lines`.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, ScalarNode


class LineDict(dict):
    """A mapping from YAML that knows the file line where it starts and where each key is."""

    line: int = 1
    key_lines: dict

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines = {}

    def line_of(self, key: object) -> int:
        """The file line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


@dataclass(frozen=True, slots=True)
class YamlIssue:
    """A problem in YAML text at a 1-based file line and column."""

    line: int
    col: int
    message: str


class YamlSyntaxError(Exception):
    """The YAML text cannot be read at all; `issue` says where and why."""

    def __init__(self, issue: YamlIssue):
        self.issue = issue
        super().__init__(f"{issue.line}:{issue.col}: {issue.message}")


# libyaml's parser when installed (several times faster), else PyYAML's own; both give marks.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """SafeLoader whose mappings are `LineDict`s; lines are shifted to file lines."""

    def __init__(self, stream: str, first_line: int):
        super().__init__(stream)
        self.first_line = first_line
        self.duplicates: list[YamlIssue] = []

    def file_line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line

    def construct_line_map(self, node: MappingNode):
        data = LineDict()
        data.line = self.file_line(node)
        yield data
        data.update(self.construct_mapping(node))
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode):
                continue
            key = self.construct_object(key_node)
            line = self.file_line(key_node)
            if key in data.key_lines:
                self.duplicates.append(YamlIssue(
                    line, key_node.start_mark.column + 1,
                    f"key {key!r} is given twice (first on line {data.key_lines[key]}); "
                    "the last value would silently win"))
            else:
                data.key_lines[key] = line

    def construct_checked_timestamp(self, node: ScalarNode):
        """A date-shaped value that is no real date (2024-02-30) stays text for the date checks."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return node.value


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_line_map)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_checked_timestamp)


def load_yaml(text: str, *, first_line: int = 1) -> tuple[object, list[YamlIssue]]:
    """Parse one YAML document whose first line is line `first_line` of its file.

    Returns the data and the duplicate-key issues; raises `YamlSyntaxError` (with the
    file line) when the text is not valid YAML.
    """
    loader = _LineLoader(text, first_line)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        # The context mark is where the unfinished construct (a '[', a quote) began: that is
        # the line to fix. The problem mark is only where the parser gave up.
        mark = err.context_mark or err.problem_mark
        line = mark.line + first_line if mark else first_line
        col = mark.column + 1 if mark else 1
        message = " ".join(str(part) for part in (err.context, err.problem) if part)
        if err.context_mark and err.problem_mark and err.problem_mark.line != err.context_mark.line:
            message += f" (noticed on line {err.problem_mark.line + first_line})"
        raise YamlSyntaxError(YamlIssue(line, col, f"invalid YAML: {message}")) from err
    except yaml.YAMLError as err:
        raise YamlSyntaxError(YamlIssue(first_line, 1, f"invalid YAML: {err}")) from err
    finally:
        loader.dispose()
    return data, loader.duplicates
