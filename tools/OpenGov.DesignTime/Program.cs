// Startup project for dotnet-ef only; see scripts/add-migration.sh.
Console.WriteLine("OpenGov design-time host: use scripts/add-migration.sh.");
