package org.qingfeng.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The department table of the ledger. */
@Repository
public class Departments {

    private final JdbcTemplate jdbc;

    public Departments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Department> all() {
        return jdbc.query("select * from department order by sort_order, id", Departments::department);
    }

    public Optional<Department> find(String id) {
        return jdbc.query("select * from department where id = ?", Departments::department, id).stream().findFirst();
    }

    private static Department department(ResultSet rs, int row) throws SQLException {
        return new Department(rs.getString("id"), rs.getString("name"), rs.getString("head_user_id"),
                rs.getString("supervising_leader_id"));
    }

    public void save(Department department, int sortOrder) {
        if (jdbc.update("update department set name = ?, head_user_id = ?, supervising_leader_id = ?, sort_order = ? where id = ?",
                department.name(), department.headUserId(), department.supervisingLeaderId(), sortOrder, department.id()) == 0) {
            jdbc.update("insert into department (id, name, head_user_id, supervising_leader_id, sort_order) values (?, ?, ?, ?, ?)",
                    department.id(), department.name(), department.headUserId(), department.supervisingLeaderId(), sortOrder);
        }
    }
}
