using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation;
using OpenGov.SharedKernel.Auditing;
using OpenGov.Tracking;

namespace OpenGov.UnitTests.Architecture;

/// <summary>
/// The architecture of docs/conventions.md, checked by reflection over the assemblies (and a scan of the sources where
/// reflection cannot see: method bodies, files). Each failure names the offending types or files.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Web = typeof(OpenGov.Web.Data.AppDbContext).Assembly;
    private static readonly Assembly Consultation = typeof(ConsultationModule).Assembly;
    private static readonly Assembly Tracking = typeof(TrackingModule).Assembly;
    private static readonly Assembly Kernel = typeof(IAuditLog).Assembly;

    /// <summary>
    /// The only Web code allowed to take a DbContext: the composition root and persistence. Everything else in Web
    /// (PageModels, API endpoints, helpers) calls a module's use case or an Identity-side service.
    /// </summary>
    private static readonly string[] DbContextNamespaces =
    [
        "OpenGov.Web.Data",                          // AppDbContext, its provider subclasses, migrations, design-time factories
        "OpenGov.Web.Infrastructure.Notifications", // outbox delivery, digests, preferences (persistence of the mail pipeline)
        "OpenGov.Web.Infrastructure.Jobs",          // the job scheduler's claims
        "OpenGov.Web.Infrastructure.Caching",       // content generations written with each change, polled by every instance
    ];

    private static readonly string[] DbContextTypes =
    [
        "Program",                                       // composition root
        "OpenGov.Web.Infrastructure.Persistence",        // registers the contexts, migrates
        "OpenGov.Web.Infrastructure.OperatorCommands",   // migrate / create-admin commands
        "OpenGov.Web.Identity.UserAdministration",       // Identity's own store (users, roles): identity lives in Web
        "OpenGov.Web.Identity.AccountBlocking",          // the block and its audit entry in one Identity-store transaction
        "OpenGov.Web.Identity.AccountRegistration",      // the account, its role and its confirmation mail in one transaction
    ];

    [Fact]
    public void Web_types_outside_the_allowlist_take_no_DbContext()
    {
        var offenders = Web.GetTypes()
            .Where(t => !IsAllowedDbContextUser(Outermost(t)))
            .SelectMany(t => SignatureTypes(t).Where(s => typeof(DbContext).IsAssignableFrom(s)).Select(s => $"{Outermost(t).FullName} uses {s.Name}"))
            .Distinct().Order().ToList();
        Assert.True(offenders.Count == 0, "Web types depend on a DbContext (call a module use case instead):\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("OpenGov.Consultation", new[] { "OpenGov.Tracking", "OpenGov.Web" })]
    [InlineData("OpenGov.Tracking", new[] { "OpenGov.Consultation", "OpenGov.Web" })]
    [InlineData("OpenGov.SharedKernel", new[] { "OpenGov.Consultation", "OpenGov.Tracking", "OpenGov.Web" })]
    public void Modules_do_not_reference_each_other_nor_the_host(string module, string[] forbidden)
    {
        var assembly = new[] { Consultation, Tracking, Kernel }.Single(a => a.GetName().Name == module);
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name).Where(forbidden.Contains).ToList();
        Assert.True(references.Count == 0, $"{module} references {string.Join(", ", references)}");
        var types = assembly.GetTypes()
            .SelectMany(t => SignatureTypes(t).Where(s => forbidden.Contains(s.Assembly.GetName().Name)).Select(s => $"{t.FullName} uses {s.FullName}"))
            .Distinct().Order().ToList();
        Assert.True(types.Count == 0, $"{module} types use forbidden assemblies:\n" + string.Join("\n", types));
    }

    [Fact]
    public void Module_entities_have_no_public_setters()
    {
        var entities = new[] { Consultation, Tracking, Kernel }.SelectMany(EntityTypes).ToList();
        Assert.True(entities.Count > 20, "The entity scan found only " + entities.Count + " entities");
        var offenders = entities
            .SelectMany(e => e.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{e.FullName}.{p.Name}"))
            .Order().ToList();
        Assert.True(offenders.Count == 0, "Entities change state through guarded methods; public setters found:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Consultation_feature_namespaces_have_no_cycles()
    {
        var edges = FeatureEdges();
        var cycles = new List<string>();
        foreach (var from in edges.Keys.Order())
            foreach (var to in edges[from].Keys.Order())
                if (PathBetween(edges, to, from) is { } back)
                    cycles.Add($"{from} -> {to} ({string.Join(", ", edges[from][to].Order().Take(5))}), back through {string.Join(" -> ", back)}");
        Assert.True(cycles.Count == 0, "Consultation features depend on each other in a loop:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Each_file_holds_at_most_one_entity_type_configuration()
    {
        var declaration = new Regex(@"\bclass\s+(\w+)[^{;]*\bIEntityTypeConfiguration<", RegexOptions.Compiled);
        var offenders = SourceFiles("src")
            .Select(f => (File: f, Names: declaration.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value).ToList()))
            .Where(f => f.Names.Count > 1)
            .Select(f => $"{Relative(f.File)}: {string.Join(", ", f.Names)}").ToList();
        Assert.True(offenders.Count == 0, "One IEntityTypeConfiguration per file, beside its entity:\n" + string.Join("\n", offenders));
        // The scan must see the configurations the assemblies hold, or it proves nothing.
        Assert.True(SourceFiles("src").Sum(f => declaration.Count(File.ReadAllText(f))) >= new[] { Consultation, Tracking, Kernel }.Sum(a => EntityTypes(a).Count()));
    }

    [Fact]
    public void Web_code_outside_Pages_does_not_use_page_types()
    {
        var reference = new Regex(@"\bOpenGov\.Web\.Pages\b|(?<![\w.])Pages\.[A-Z]\w*", RegexOptions.Compiled);
        var pages = System.IO.Path.Combine("src", "OpenGov.Web", "Pages") + System.IO.Path.DirectorySeparatorChar;
        var offenders = SourceFiles(System.IO.Path.Combine("src", "OpenGov.Web"))
            .Where(f => !Relative(f).StartsWith(pages, StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && reference.IsMatch(l))
                .Select(l => $"{Relative(f)}: {l.Trim()}"))
            .ToList();
        var signatures = Web.GetTypes().Where(t => t.Namespace?.StartsWith("OpenGov.Web", StringComparison.Ordinal) == true
                && t.Namespace?.StartsWith("OpenGov.Web.Pages", StringComparison.Ordinal) != true)
            .SelectMany(t => SignatureTypes(t).Where(s => s.Namespace?.StartsWith("OpenGov.Web.Pages", StringComparison.Ordinal) == true)
                .Select(s => $"{Outermost(t).FullName} uses {s.FullName}"));
        offenders.AddRange(signatures.Distinct());
        Assert.True(offenders.Count == 0, "Infrastructure, API and Identity must not depend on Pages (move the type out of Pages):\n" + string.Join("\n", offenders));
    }

    private static bool IsAllowedDbContextUser(Type t)
        => DbContextTypes.Contains(t.FullName)
           || DbContextNamespaces.Any(ns => t.Namespace == ns || t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) == true)
           // Compiler-generated top-level types (e.g. Razor's, or anonymous types) carry no Web design; Program's closures are nested in it.
           || t.Namespace is null && t.Name.StartsWith('<');

    private static Type Outermost(Type t)
    {
        while (t.DeclaringType is not null) t = t.DeclaringType;
        return t;
    }

    /// <summary>Every type named by a type's declaration: base type, interfaces, fields, properties, constructor and method
    /// parameters and returns, with their generic arguments and element types.</summary>
    private static IEnumerable<Type> SignatureTypes(Type t)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type>();
        if (t.BaseType is not null) direct.Add(t.BaseType);
        direct.AddRange(t.GetInterfaces());
        direct.AddRange(t.GetFields(all).Select(f => f.FieldType));
        direct.AddRange(t.GetProperties(all).Select(p => p.PropertyType));
        direct.AddRange(t.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType));
        foreach (var m in t.GetMethods(all))
        {
            direct.Add(m.ReturnType);
            direct.AddRange(m.GetParameters().Select(p => p.ParameterType));
        }
        return direct.SelectMany(Expand).Distinct();
    }

    private static IEnumerable<Type> Expand(Type t)
    {
        if (t.HasElementType) return Expand(t.GetElementType()!);
        if (t.IsGenericParameter) return [];
        return t.IsGenericType ? new[] { t }.Concat(t.GetGenericArguments().SelectMany(Expand)) : [t];
    }

    /// <summary>Types that an IEntityTypeConfiguration of the assembly configures.</summary>
    private static IEnumerable<Type> EntityTypes(Assembly assembly)
        => assembly.GetTypes().Where(t => !t.IsAbstract)
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            .Select(i => i.GetGenericArguments()[0])
            .Where(e => e.Assembly == assembly)
            .Distinct();

    private const string FeaturePrefix = "OpenGov.Consultation.";

    private static string? Feature(string? ns)
        => ns is not null && ns.StartsWith(FeaturePrefix, StringComparison.Ordinal) ? ns[FeaturePrefix.Length..].Split('.')[0] : null;

    /// <summary>Feature → feature → evidence: types named in declarations (reflection), and `using` lines or qualified names in the
    /// sources (which also see method bodies).</summary>
    private static Dictionary<string, Dictionary<string, HashSet<string>>> FeatureEdges()
    {
        var edges = new Dictionary<string, Dictionary<string, HashSet<string>>>();
        void Add(string from, string to, string evidence)
        {
            if (from == to) return;
            if (!edges.TryGetValue(from, out var targets)) edges[from] = targets = [];
            if (!targets.TryGetValue(to, out var why)) targets[to] = why = [];
            why.Add(evidence);
        }
        foreach (var type in Consultation.GetTypes())
        {
            if (Feature(type.Namespace) is not { } from) continue;
            foreach (var used in SignatureTypes(type))
                if (used.Assembly == Consultation && Feature(used.Namespace) is { } to)
                    Add(from, to, $"{Outermost(type).Name} uses {used.Name}");
        }
        var ns = new Regex(@"^namespace\s+OpenGov\.Consultation\.(\w+)", RegexOptions.Multiline);
        var uses = new Regex(@"^using\s+(?:\w+\s*=\s*)?OpenGov\.Consultation\.(\w+)|(?<!namespace\s+)\bOpenGov\.Consultation\.(\w+)\.\w", RegexOptions.Multiline);
        foreach (var file in SourceFiles(System.IO.Path.Combine("src", "OpenGov.Consultation")))
        {
            var text = File.ReadAllText(file);
            if (ns.Match(text) is not { Success: true } m) continue;
            foreach (Match u in uses.Matches(text))
                Add(m.Groups[1].Value, u.Groups[1].Success ? u.Groups[1].Value : u.Groups[2].Value, System.IO.Path.GetFileName(file));
        }
        return edges;
    }

    /// <summary>A path from → ... → to, or null.</summary>
    private static List<string>? PathBetween(Dictionary<string, Dictionary<string, HashSet<string>>> edges, string from, string to)
    {
        var previous = new Dictionary<string, string> { [from] = "" };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            if (at == to)
            {
                var path = new List<string>();
                for (var x = to; x != ""; x = previous[x]) path.Insert(0, x);
                return path;
            }
            foreach (var next in edges.GetValueOrDefault(at)?.Keys ?? Enumerable.Empty<string>())
                if (previous.TryAdd(next, at)) queue.Enqueue(next);
        }
        return null;
    }

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "OpenGov.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("OpenGov.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static IEnumerable<string> SourceFiles(string under)
        => Directory.EnumerateFiles(System.IO.Path.Combine(Root, under), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => System.IO.Path.GetRelativePath(Root, file);
}
