"""The relief toolkit's pages, one module per tool."""
