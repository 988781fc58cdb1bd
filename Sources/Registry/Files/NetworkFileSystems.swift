import Foundation

/// Network file systems, found from the mount that holds the database (`/proc/self/mountinfo`).
///
/// SQLite relies on POSIX locks and, in WAL mode, on shared memory; over NFS, SMB and their
/// kin locks are unreliable and shared memory is not shared between machines, so two
/// commands can corrupt the register. SQLite's own advice is to keep the file on a local disk.
public enum NetworkFileSystems {
    /// Mount types of network file systems, by their name in mountinfo (a prefix, so `nfs`
    /// covers `nfs4`; FUSE ones are named `fuse.sshfs` and the like).
    static let types = [
        "nfs": "NFS", "cifs": "SMB/CIFS", "smb": "SMB/CIFS", "9p": "9P", "afs": "AFS", "ceph": "CephFS", "lustre": "Lustre",
        "glusterfs": "GlusterFS", "fuse.sshfs": "SSHFS", "fuse.glusterfs": "GlusterFS", "fuse.rclone": "rclone", "fuse.s3fs": "S3",
        "davfs": "WebDAV", "fuse.davfs": "WebDAV", "coda": "Coda", "ncpfs": "NCP", "gfs2": "GFS2", "ocfs2": "OCFS2",
    ]

    /// The name of the network file system holding `path` (or, when it does not exist yet, the
    /// folder above it), or nil for a local one or when the mounts cannot be read.
    public static func name(holding path: String) -> String? {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return nil }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return mountType(of: absolute, in: table).flatMap(name(ofType:))
    }

    /// The type of the mount with the longest mount point that holds `path`.
    static func mountType(of path: String, in mountinfo: String) -> String? {
        var best: (point: String, type: String)?
        for line in mountinfo.split(separator: "\n") {
            // id parent major:minor root mount-point options [optional fields] - type source super-options
            let fields = line.split(separator: " ")
            guard fields.count > 6, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { continue }
            let point = fields[4].replacingOccurrences(of: "\\040", with: " ")
            let holds = point == "/" || path == point || path.hasPrefix(point + "/")
            if holds, point.count >= (best?.point.count ?? -1) { best = (point, String(fields[dash + 1])) }
        }
        return best?.type
    }

    static func name(ofType type: String) -> String? {
        types.first { type == $0.key || type.hasPrefix($0.key) && !$0.key.hasPrefix("fuse.") }?.value
    }

    /// The warning a command prints before using a register on a network file system.
    public static func warning(for path: String) -> String? {
        name(holding: path).map { warning(for: path, on: $0) }
    }

    static func warning(for path: String, on name: String) -> String {
        "Warning: \(path) is on a network file system (\(name)). SQLite's locking is unreliable there, so commands run "
            + "at the same time can damage the register; keep it on a local disk and back it up to the network instead."
    }
}
