using System.Text;
using Mash.Intake.Contacts;
using Mash.Intake.Grpc;
using Mash.Intake.Subjects;
using Mash.ServiceDefaults;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>Intake's parts wired as the service wires them, over the test database and a fixed clock.</summary>
internal sealed class IntakeUnderTest(IntakeDatabase database)
{
    public FixedTime Time { get; } = new(new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero).AddTicks(1234567));

    public SubjectPseudonyms Pseudonyms { get; } = new(Encoding.UTF8.GetBytes("a-test-key-of-at-least-thirty-two-chars"));

    public ContactStore Contacts => new(database.DataSource);

    public ContactIntake Intake => new(database.DataSource, Contacts, new EventOutbox(), Pseudonyms, Time);

    public IntakeGrpcService Service => new(Intake, Contacts, TestContacts.Vocabulary);
}
