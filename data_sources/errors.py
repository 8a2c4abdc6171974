"""The project's own errors: each says what went wrong, where, and what to do."""

from __future__ import annotations

from followthrough.i18n import _


class FollowthroughError(Exception):
    """Base of every error a person can act on. ``str(err)`` is the message to show, in the
    language in force where it was raised (each reader's run sets it: followthrough.i18n)."""


class LoadError(FollowthroughError):
    """An export could not be read.

    >>> str(LoadError("posts.csv", "the file is empty.", hint="Export it again."))
    'posts.csv: the file is empty. Export it again.'
    """

    def __init__(
        self,
        file: str,
        problem: str,
        *,
        hint: str = "",
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = file
        self.problem = problem
        self.hint = hint
        self.row = row
        self.column = column
        where = file
        if row is not None:
            where = _("{place}, row {row}").format(place=where, row=row)
        if column is not None:
            where = _("{place}, column '{column}'").format(place=where, column=column)
        message = _("{place}: {problem}").format(place=where, problem=problem)
        if hint:
            message += f" {hint}"
        super().__init__(message)


class FetchError(FollowthroughError):
    """A live pull from a platform's API failed (network, rate limit, unknown account)."""
