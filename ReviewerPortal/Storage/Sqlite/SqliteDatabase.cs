using Microsoft.Data.Sqlite;

namespace ReviewerPortal.Storage.Sqlite;

/// <summary>
/// The Local mode's SQLite file: opens pooled connections and creates the schema (WAL mode) once, on first use.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<bool> _schema;

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _schema = new Lazy<bool>(CreateSchema, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        _ = _schema.Value;
        return OpenRaw();
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Per-connection settings: WAL makes NORMAL durable across application crashes (only power loss can lose the
        // last commits), and foreign keys are off by default in SQLite.
        Execute(connection, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        return connection;
    }

    private bool CreateSchema()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = OpenRaw();
        // journal_mode is persistent in the file: set once, readers then never block the writer.
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, SqliteSchema.Ddl);
        foreach (var (table, column, add) in SqliteSchema.AddedColumns)
        {
            if (!HasColumn(connection, table, column))
            {
                Execute(connection, add);
            }
        }

        return true;
    }

    private static bool HasColumn(SqliteConnection connection, string table, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info($table) WHERE name = $column";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$column", column);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
