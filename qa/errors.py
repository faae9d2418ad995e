"""Domain errors. Each message says what went wrong and what to do about it.

The CLI prints them as one line and exits with code 2; the chat shows them as
a message. Nothing inside `qa/` should let a raw traceback reach a user.
"""


class QAError(Exception):
    """Base class for every error a user can act on."""


class InputError(QAError):
    """A file, folder or question that cannot be used as given."""


class CorpusError(InputError):
    """The corpus folder or one of its articles cannot be read."""


class IndexMissingError(QAError):
    """No index on disk yet."""


class StaleIndexError(QAError):
    """The index on disk does not match the corpus or the chosen encoders."""


class IndexBusyError(QAError):
    """Another process is writing the index."""


class StoreUnavailableError(QAError):
    """The index store (a Milvus server or Milvus Lite file) cannot be reached."""
