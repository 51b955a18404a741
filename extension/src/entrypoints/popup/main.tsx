import '../../zod-jitless.ts';
import { mountPopup } from '../../popup/mount.tsx';

const root = document.getElementById('root');
if (root) mountPopup(root);
