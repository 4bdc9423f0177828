"""The book's Alembic migrations.

``HEAD`` names the newest revision so that opening an up-to-date book (every start of the app)
needs neither Alembic nor a scan of the revision files; a test checks it against Alembic's own
view of the revision chain. Bump it with every new revision.
"""

HEAD = "0010"
