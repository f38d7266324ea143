"""The dashboard's pages (Dash pages: each module registers one path)."""
