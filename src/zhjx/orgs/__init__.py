"""Organizations: canonical names and kinds from gazetteers, templates and a suffix grammar."""

from zhjx.orgs.lexicon import KINDS, OrgDataError
from zhjx.orgs.matcher import OrgMention, TokenEdges, find_organizations

__all__ = ["KINDS", "OrgDataError", "OrgMention", "TokenEdges", "find_organizations"]
