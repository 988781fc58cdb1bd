/// A database path as SQLite must be given it to read it as a plain file name.
///
/// Debian's SQLite is built with URI file names on, so a name beginning with `file:` is read
/// as a URI (`file:x.sqlite?nolock=1` turns locking off, and slips past the registry's checks of
/// the file it opens), and `:memory:` names no file at all. A `--db` value is always a file
/// name: such a name is opened as `./NAME`, the same file in the current folder.
enum DatabaseFileName {
    static func plain(_ path: String) -> String {
        path.hasPrefix("file:") || path.hasPrefix(":") ? "./" + path : path
    }
}
