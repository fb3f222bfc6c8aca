<#-- placeholder so this looks like a project -->
