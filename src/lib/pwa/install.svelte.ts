/**
 * "Install app": Chromium browsers offer `beforeinstallprompt`; iOS Safari
 * does not, so there we explain Add to Home Screen instead, because iOS deletes
 * the data of a site that is not installed after seven days without a visit.
 */
interface InstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export const install = $state({ canPrompt: false, isIos: false, installed: false });
let deferred: InstallPromptEvent | undefined;

export function listenForInstall(): () => void {
	const standalone =
		window.matchMedia('(display-mode: standalone)').matches ||
		(navigator as Navigator & { standalone?: boolean }).standalone === true;
	install.installed = standalone;
	install.isIos = /iPad|iPhone|iPod/.test(navigator.userAgent) && !standalone;
	const onPrompt = (event: Event) => {
		event.preventDefault();
		deferred = event as InstallPromptEvent;
		install.canPrompt = true;
	};
	const onInstalled = () => {
		install.installed = true;
		install.canPrompt = false;
	};
	window.addEventListener('beforeinstallprompt', onPrompt);
	window.addEventListener('appinstalled', onInstalled);
	return () => {
		window.removeEventListener('beforeinstallprompt', onPrompt);
		window.removeEventListener('appinstalled', onInstalled);
	};
}

export async function promptInstall(): Promise<void> {
	if (!deferred) return;
	await deferred.prompt();
	const { outcome } = await deferred.userChoice;
	if (outcome === 'accepted') install.installed = true;
	deferred = undefined;
	install.canPrompt = false;
}
