"""The pages of the main window, one per section of the sidebar."""
