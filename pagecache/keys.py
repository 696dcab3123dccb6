"""The one idea behind every cache of the site, in one place.

Every cached thing (a page, a shared object, a rendered piece) has a key made of its kind, the
release id (the code and templates being served), the content version (a number every content
save moves on, held in the database) and what else the thing depends on. Nothing is ever deleted
or expired by hand: an edit or a deploy changes the key of everything at once, in every process and
on every app server.
"""

import hashlib

from pagecache.release import release_id


def digest(*parts):
    """A short, stable hash of the parts (for keys and ETags)."""
    raw = "\n".join(str(part) for part in parts).encode("utf-8", "backslashreplace")
    return hashlib.sha256(raw).hexdigest()[:32]


def make_key(kind, version, *parts):
    """The cache key of a `kind` of thing for this release, this content version and `parts`."""
    return f"{kind}:{digest(release_id(), version, *parts)}"
