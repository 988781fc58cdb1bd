import Foundation
import Testing

@testable import Registry

struct NetworkFileSystemTests {
    let mountinfo = """
        22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
        30 22 0:40 / /mnt/share rw,relatime shared:7 - nfs4 server:/export rw,vers=4.2
        31 30 0:41 / /mnt/share/local\\040copy rw - ext4 /dev/sdb1 rw
        32 22 0:42 / /home/anna/remote rw,nosuid - fuse.sshfs anna@host:/srv rw
        33 22 0:43 / /srv/smb rw - cifs //host/share rw
        34 22 0:44 / /mnt/sharepoint rw - ext4 /dev/sdc1 rw
        """

    @Test(arguments: [
        ("/mnt/share/registry.sqlite", "nfs4", "NFS"), ("/mnt/share", "nfs4", "NFS"), ("/mnt/share/local copy/registry.sqlite", "ext4", nil),
        ("/mnt/sharepoint/registry.sqlite", "ext4", nil), ("/home/anna/remote/r.sqlite", "fuse.sshfs", "SSHFS"),
        ("/srv/smb/a/b.sqlite", "cifs", "SMB/CIFS"), ("/home/anna/registry.sqlite", "ext4", nil),
    ])
    func theMountHoldingThePathDecides(path: String, type: String, name: String?) {
        #expect(NetworkFileSystems.mountType(of: path, in: mountinfo) == type)
        #expect(NetworkFileSystems.name(ofType: type) == name)
    }

    @Test func localFileSystemsAreNotNetworkOnes() {
        for type in ["ext4", "xfs", "btrfs", "tmpfs", "overlay", "fuse.gvfsd-fuse", "zfs", "fuseblk"] {
            #expect(NetworkFileSystems.name(ofType: type) == nil, "\(type)")
        }
        #expect(NetworkFileSystems.name(holding: NSTemporaryDirectory() + "/not/yet/made/registry.sqlite") == nil)
        #expect(NetworkFileSystems.warning(for: NSTemporaryDirectory() + "/registry.sqlite") == nil)
    }

    @Test func theWarningNamesThePathTheFileSystemAndTheWayOut() {
        let warning = NetworkFileSystems.warning(for: "/mnt/share/registry.sqlite", on: "NFS")
        #expect(warning.hasPrefix("Warning: /mnt/share/registry.sqlite is on a network file system (NFS)."))
        #expect(warning.contains("keep it on a local disk"))
    }
}
