"""Icons, themes, translations, fonts, demo assets and workflow templates shipped with the app."""
