using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Web.Data;

/// <summary>
/// Data Protection keys in the database (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore), so that every web
/// instance shares them (antiforgery tokens, auth cookies, e-mail links). Mapped onto the table the earlier hand-written
/// repository used, same columns, so existing keys keep working.
/// </summary>
public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.HasKey(x => x.Id);
        b.Property(x => x.FriendlyName).HasMaxLength(200);
        b.Property(x => x.Xml).IsRequired();
    }
}

public static class DataProtectionSetup
{
    /// <summary>
    /// Keys in the database; encrypted at rest with an X.509 certificate when DataProtection:CertificatePath (a .pfx,
    /// password in DataProtection:CertificatePassword) is set. Keys written before the certificate was configured stay
    /// readable; DataProtection:PreviousCertificatePaths (';'-separated) keeps keys written under a replaced certificate readable.
    /// </summary>
    public static IServiceCollection AddOpenGovDataProtection(this IServiceCollection services, IConfiguration config)
    {
        var builder = services.AddDataProtection().SetApplicationName("OpenGov").PersistKeysToDbContext<AppDbContext>();
        var path = config["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path)) return services;
        var password = config["DataProtection:CertificatePassword"];
        var current = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        builder.ProtectKeysWithCertificate(current);
        var previous = (config["DataProtection:PreviousCertificatePaths"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => X509CertificateLoader.LoadPkcs12FromFile(p, password));
        builder.UnprotectKeysWithAnyCertificate([current, .. previous]);
        return services;
    }
}
