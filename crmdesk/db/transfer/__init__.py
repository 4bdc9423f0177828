"""Import into a book and export out of it.

* ``planning.plan_import`` — a file's table checked row by row and matched against the book
  (duplicates by name + a shared phone, or a shared e-mail), nothing written.
* ``applying.apply_import`` — the plan written through the services (so pinyin keys, the search
  index and the sync outbox see every new contact), in the caller's one transaction.
* ``exporting.export_book`` — vCard 4.0, CSV, Excel or JSON, written to a temp file and renamed.
* ``audit.record_transfer`` — tells the company server of an import or export (enrolled books).
"""
