"""Small text helpers shared by the apps."""


def join_lines(text, separator=", "):
    """A multi-line address (or any text) on one line: its non-empty lines, stripped, joined by `separator`."""
    return separator.join(line.strip() for line in (text or "").splitlines() if line.strip())
