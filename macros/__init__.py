"""Python Backend Atlas: typed data model, loader and the mkdocs macros that render it."""
