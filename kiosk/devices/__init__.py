"""The cart's cameras, microphones and speakers as the web engine sees them.

``model`` (no Qt) turns what a probe found into reports and problem lines; ``scripts`` holds the
JavaScript that lists, picks (by label part) and measures devices, and the script the call
injects into the portal; ``probe`` runs it headless in an off-the-record WebEngine page, the same
engine and permissions as the call, so what passes here works in the call.
"""
