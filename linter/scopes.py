"""The kinds of block a document is split into, and the scopes a rule can name.

Shared by the document model (which labels its blocks) and the rule kinds (which validate
a rule's ``scope:``) without the rule kinds importing the document at load time.
"""

BLOCK_KINDS = ("paragraph", "heading", "caption", "read-more", "list-item", "blockquote")
# Scopes a rule can include or exclude: block kinds plus "quote" (inside a direct quote)
# and "prose" (outside quotes).
SCOPES = BLOCK_KINDS + ("quote", "prose")
