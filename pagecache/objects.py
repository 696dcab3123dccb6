"""Data many pages share, built once per release and content version.

For data that many pages or page variants use, such as the phases, the wijkscan's questions or one
guidance with its tips (for Dutch, English and the htmx fragment). A content save changes the
version, so the value is built again on the first request after it; a deploy changes the release
id, so no process ever unpickles an object another release's code made.
"""

from pagecache import store
from pagecache.keys import make_key


def shared(version, name, build):
    """`build()`'s value for this content `version` (pagecache.version.current(request)).

    The value is shared by every request of this process: read it, never change it.
    """
    key = make_key("obj", version, name)
    value = store.get(key, objects=True)
    if value is None:
        value = build()
        if value is not None:  # nothing is kept for what does not exist (an unknown address)
            store.put(key, value, objects=True)
    return value
