using Mash.Contracts.Intake.V1;
using Mash.Intake.Validation;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Repeats;

/// <summary>Subjects no other test uses, so repeat tests sharing the database never match each other's contacts.</summary>
internal static class RepeatSubjects
{
    /// <summary>A child named, born and living as <see cref="TestContacts.Child"/>, but with a family name of its own.</summary>
    public static Subject Named()
    {
        var subject = TestContacts.Child();
        subject.FamilyName = $"Example {Guid.NewGuid():N}";
        return subject;
    }

    /// <summary>A child with a valid NHS number no other test uses.</summary>
    public static Subject WithNhsNumber() => WithNhsNumber(NewNhsNumber());

    public static Subject WithNhsNumber(string nhsNumber)
    {
        var subject = Named();
        subject.NhsNumber = nhsNumber;
        return subject;
    }

    /// <summary>A child nothing names: no NHS number, no name; born and living as every other such child here.</summary>
    public static Subject Unnamed()
    {
        var subject = TestContacts.Child();
        subject.GivenName = "";
        subject.FamilyName = "";
        return subject;
    }

    public static string NewNhsNumber()
    {
        while (true)
        {
            var digits = string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + Random.Shared.Next(10))));
            if (NhsNumber.CheckDigit(digits) is { } check)
            {
                return digits + check;
            }
        }
    }

    /// <summary>A valid request about <paramref name="subjects"/> (keyed s1, s2, …).</summary>
    public static SubmitContactRequest RequestAbout(params Subject[] subjects)
    {
        var request = TestContacts.Request();
        request.Contact.Subjects.Clear();
        request.Contact.Subjects.Add(subjects.Select((subject, index) =>
        {
            var copy = subject.Clone();
            copy.SubjectKey = $"s{index + 1}";
            return copy;
        }));
        return request;
    }
}
