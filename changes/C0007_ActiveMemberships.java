package changes;

import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SampleBlock;
import schemasync.dsl.SchemaChanges;

@SampleBlock
final class C0007_ActiveMemberships implements ChangeBlock {
    public String description() {
        return "Memberships of users who have not deleted their account, for the admin screens";
    }

    public void declare(SchemaChanges db) {
        db.ensureView("active_memberships", """
                SELECT m.organization_id, m.user_id, m.role, u.email
                FROM memberships m
                JOIN users u ON u.id = m.user_id
                WHERE u.deleted_at IS NULL""");
    }
}
