/// A value for one `{name}` of a `Message`. Numbers are formatted for the locale (and select
/// plural branches); text is inserted as it is.
public enum MessageArgument: Sendable, Hashable {
    case text(String)
    case number(Int)
}
