// Applies the theme chosen in Settings before the first paint, so a dark page never flashes white.
// A file rather than an inline script, so the Content-Security-Policy needs no exception for it.
try {
	const theme = localStorage.getItem('theme');
	if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
	// Storage blocked: follow the system theme.
}
