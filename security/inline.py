"""The public site's one inline script, allowed by its hash rather than a nonce.

Anonymous pages are kept by Varnish and served to everyone for minutes; a nonce in a cached page
is the same for every visitor and anyone can read it, so it proves nothing. A hash names the exact
script text instead, holds for every copy of the page, and needs no per-response value. The text
is kept here, once: the template tag renders it and the policy's hash is computed from it.
"""

import base64
import hashlib

# Before the stylesheet applies: the page can tell CSS that JavaScript runs (no flash of no-JS layout).
CLASS_SWITCH = 'document.documentElement.classList.replace("no-js", "js");'


def csp_hash(source):
    """The CSP source expression ('sha256-…') that allows an inline script with exactly this text."""
    digest = hashlib.sha256(source.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"
