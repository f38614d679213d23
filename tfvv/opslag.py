"""The private file storage, and writes that never leave a file without its record.

A FileField writes its file while the model is saved, inside the transaction; when that
transaction then fails (a crash, a refused transition, a failing commit), the database
forgets the record but the file stays on disk. Every service that stores an uploaded or
generated file therefore runs in `atomic_met_bestanden` instead of `transaction.atomic`:
the files the storage wrote inside the block are deleted again when the block fails.

Called inside a larger transaction, the block removes what it wrote when it fails itself;
a later rollback of the outer transaction is the outer block's business (wrap that one).
"""

from contextlib import ContextDecorator
from contextvars import ContextVar

from django.core.files.storage import FileSystemStorage
from django.db import transaction

# (storage, name) of every file written in the innermost running block; None outside one
_geschreven: ContextVar[list | None] = ContextVar("tfvv_opslag_geschreven", default=None)


class Opslag(FileSystemStorage):
    """FileSystemStorage that tells the running `atomic_met_bestanden` what it wrote."""

    def _save(self, name, content):
        naam = super()._save(name, content)
        geschreven = _geschreven.get()
        if geschreven is not None:
            geschreven.append((self, naam))
        return naam


class atomic_met_bestanden(ContextDecorator):  # noqa: N801 - used like transaction.atomic
    """`transaction.atomic()` that deletes the files written in it when it fails."""

    def _recreate_cm(self):
        return type(self)()  # as a decorator: a fresh block per call (threads, recursion)

    def __enter__(self):
        self._buiten = _geschreven.get()
        self._lijst: list = []
        self._token = _geschreven.set(self._lijst)
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        return self

    def __exit__(self, soort, fout, traceback):
        try:
            # the commit itself may fail: then the files go too
            self._atomic.__exit__(soort, fout, traceback)
        except BaseException:
            self._ruim_op()
            raise
        finally:
            _geschreven.reset(self._token)
        if soort is not None:
            self._ruim_op()
        elif self._buiten is not None:
            self._buiten.extend(self._lijst)  # an enclosing block that fails removes them
        return False

    def _ruim_op(self):
        for opslag, naam in self._lijst:
            opslag.delete(naam)
        self._lijst.clear()
