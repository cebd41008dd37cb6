
namespace OpenGov.Consultation.Forum;

public enum ForumModeration { Hide, Show, Lock, Unlock }
