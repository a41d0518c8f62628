"""One module per kind of section: each turns the linked sources into YAML-ready mappings."""
