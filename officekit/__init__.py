"""officekit: review Chinese official-document drafts (公文) by 政策关、格式关、文字关."""

__version__ = "0.1.0"
