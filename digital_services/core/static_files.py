"""The static files' storage: whitenoise's compressed manifest storage, whose URLs are worked
out once per process (issue #13).

Every ``{% static %}`` tag and ``static()`` call asks the storage for a file's URL, and the
manifest storage works it out each time: it splits the name, looks its hashed name up in the
manifest, joins it to ``STATIC_URL`` and quotes and unquotes it. A staff list of booleans
asks 50 times a page (``admin/img/icon-yes.svg``, one per cell), a staff page's frame a dozen
times, so this was up to a seventh of a staff list's time (docs/performance.md, "Static file
URLs, the day sheet's SQL and inline media"). The manifest is read once, when the storage is made, and does not
change while the process runs (a deployment starts new processes), so neither does a URL:
they are kept here after the first time. Nothing is kept while ``DEBUG`` is on (URLs are the
unhashed names then, and the files may change), for ``force=True``, or for a name the
manifest does not have (that raises, as before).
"""

from __future__ import annotations

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

#: At most this many URLs are kept: names come from templates and code, not from users, so
#: there are a few hundred at most; the bound is only a guard.
KEEP_AT_MOST = 5000


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            pass
        url = super().url(name)
        if len(self._urls) < KEEP_AT_MOST:
            self._urls[name] = url
        return url

    def load_manifest(self):
        # A new manifest (collectstatic's post-processing reads it again) forgets every URL.
        self._urls = {}
        return super().load_manifest()

    def post_process(self, *args, **kwargs):
        self._urls = {}
        yield from super().post_process(*args, **kwargs)
        self._urls = {}
