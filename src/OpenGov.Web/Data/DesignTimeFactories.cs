using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGov.Web.Data;

// Used by dotnet-ef only (scripts/add-migration.sh); the connection strings are never opened when scaffolding.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db",
            o => o.MigrationsAssembly(typeof(SqliteAppDbContext).Assembly.GetName().Name)).Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=opengov_design").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=localhost;Database=opengov_design;TrustServerCertificate=true").Options);
}
