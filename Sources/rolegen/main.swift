import Markdown
print(MarkdownPlaceholder.version())
