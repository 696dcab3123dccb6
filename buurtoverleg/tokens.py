"""Capability tokens: unguessable links instead of accounts.

A token is `secrets.token_urlsafe(32)`: 32 random bytes (256 bits), 43 URL-safe characters. The
manage token and each participant's edit token are stored only as their SHA-256 hash, so a copy of
the database hands out no control; the participant token is stored as it is, because the manage
page shows the participant link again.
"""

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32
# What a token looks like in a URL (tokens.TOKEN_PATTERN in urls.py): anything else is a 404.
TOKEN_PATTERN = r"[A-Za-z0-9_-]{43}"


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def matches(token, stored_hash):
    """Constant-time check of a token against a stored hash."""
    return hmac.compare_digest(token_hash(token), stored_hash)
