/// Placeholder: this module is being written.
public enum TemplateEnginePlaceholder {}
