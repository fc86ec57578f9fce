"""Widget keys and defaults in one place. Keys bound to the URL are also query parameters."""

AGENCY = "agency"  # ?agency=…
YEAR = "year"  # ?year=…
LANG = "lang"  # ?lang=en
AGENCY_SEARCH = "agency_search"  # the sidebar's agency search (a store of many agencies)
ACTOR = "actor"  # the signed-in Actor of this session (UI state; the core checks roles again)
VIEWER_OK = "viewer_ok"  # the viewing password was given in this session
UPLOAD_ROUND = "upload_round"  # bumped after a commit, to give the file uploader a fresh key
FLASH = "flash"  # a message to show once after a rerun (e.g. "saved as version 3")
SLIDE = "present_slide"  # index of the slide shown on /present (mirrored to ?slide=N, 1-based)
SLIDE_MOVED = "present_moved"  # monotonic time of the last move, for ?auto=N
SLIDE_DECK = "present_deck"  # the deck the slide index belongs to
PRESENTING = "presenting"  # the last run showed /present (app.py: no chrome there)
PRESENTING_RERUN = "presenting_rerun"  # app.py reran after a wrong guess of PRESENTING
ADDRESS_WRITTEN = "address_written"  # agency and year as this session last wrote them to the URL
