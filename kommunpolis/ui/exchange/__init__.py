"""The Utbyte section's panels: identities, export, import, conflicts, coordination."""
