using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpenGov.Consultation;
using OpenGov.SharedKernel.Auditing;
using OpenGov.Tracking;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Data;

/// <summary>
/// The one database of the site. Identity lives here; each module contributes its own entity configurations,
/// so that a module's change, its audit entries and its outbox messages commit in one transaction.
/// Provider-specific subclasses carry their own migrations set.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>Data Protection's key ring (see <see cref="DataProtectionSetup"/>).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys
        => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AuditEntry).Assembly);
        builder.ApplyConfigurationsFromAssembly(ConsultationModule.ConfigurationAssembly);
        builder.ApplyConfigurationsFromAssembly(TrackingModule.ConfigurationAssembly);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
            b.Property(u => u.Organisation).HasMaxLength(200);
            b.Property(u => u.PreferredCulture).HasMaxLength(10).IsRequired();
        });
    }

    // Cached public pages learn of every change through the content generations written in the change's transaction.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.AddInterceptors(Infrastructure.Caching.ContentChangeInterceptor.Instance);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC. SQLite returns DateTime with Kind=Unspecified; this restores Kind=Utc,
        // which Npgsql also requires for timestamptz.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

/// <summary>
/// SQL Server. Text columns use an accent- and case-insensitive collation, so equality, LIKE and ORDER BY treat "Élodie" and
/// "elodie" (and Arabic with or without its short-vowel marks) alike, as PostgreSQL's unaccent search and SQLite's FTS5 folding do.
/// E-mails and user names keep accents significant (distinct mailboxes) but not case, and NormalizedEmail is unique.
/// </summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Names, titles and bodies: case- and accent-insensitive (_SC: supplementary characters, _UTF8 for any varchar).</summary>
    public const string TextCollation = "Latin1_General_100_CI_AI_SC_UTF8";

    /// <summary>E-mail addresses and user names: case-insensitive, accent-sensitive.</summary>
    public const string EmailCollation = "Latin1_General_100_CI_AS_SC_UTF8";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(b =>
        {
            foreach (var column in new[] { nameof(AppUser.Email), nameof(AppUser.NormalizedEmail), nameof(AppUser.UserName), nameof(AppUser.NormalizedUserName) })
                b.Property(column).UseCollation(EmailCollation);
            // One account per address whatever its case (Identity normalizes to upper case; the filter keeps several null e-mails).
            b.HasIndex(u => u.NormalizedEmail).IsUnique().HasFilter("[NormalizedEmail] IS NOT NULL");
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<string>().UseCollation(TextCollation);
    }
}
