"""Small dialogs: a document's metadata, choosing a document to link."""
