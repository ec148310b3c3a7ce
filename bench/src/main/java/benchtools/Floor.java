package benchtools;

/** The JVM floor: start, connect with pgjdbc, SELECT 1, exit. Usage: Floor JDBC_URL */
public final class Floor {
    public static void main(String[] a) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(a[0]); var s = c.createStatement();
             var rs = s.executeQuery("SELECT 1")) {
            if (!rs.next() || rs.getInt(1) != 1) throw new IllegalStateException("SELECT 1 failed");
            System.out.println("floor: connected, SELECT 1 = 1");
        }
    }
}
