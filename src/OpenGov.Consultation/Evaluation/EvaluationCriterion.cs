using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;

namespace OpenGov.Consultation.Evaluation;

/// <summary>A weighted criterion the committee scores the sheets of a cycle on (e.g. transformational impact).</summary>
public sealed class EvaluationCriterion
{
    private EvaluationCriterion() { }

    public EvaluationCriterion(Guid id, Guid cycleId, string name, double weight, int order)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 200) throw DomainException.Rule("Most200Characters");
        if (weight is <= 0 or > 100 || double.IsNaN(weight)) throw DomainException.Rule("WeightBetween0Excluded100");
        Id = id;
        CycleId = cycleId;
        Name = SingleLineText.Trim(name, "Name");
        Weight = weight;
        Order = order;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public string Name { get; private set; } = "";
    public double Weight { get; private set; }
    public int Order { get; private set; }
}
