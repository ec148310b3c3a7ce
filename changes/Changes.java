package changes;

import java.util.List;
import schemasync.dsl.ChangeBlock;

/**
 * The one list that orders the change blocks. Blocks run top to bottom, every time; each declares
 * what must exist, so re-running is harmless. Add new blocks at the end; never reorder or delete
 * one that has reached production (to remove something, add a block that declares its removal).
 */
public final class Changes {
    private Changes() {
    }

    public static final List<ChangeBlock> ALL = List.of(
            new C0001_Organizations(),
            new C0002_Users(),
            new C0003_Memberships(),
            new C0004_Projects(),
            new C0005_UserLastLogin(),
            new C0006_ProjectTitle(),
            new C0007_ActiveMemberships(),
            new C0008_ProjectsUpdatedAt());
}
