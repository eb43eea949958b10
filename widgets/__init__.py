"""Qt views of the model. Widgets render the document and push undoable commands."""
