// Sizes an embedded calculator to its content. On the page that embeds it:
//
//   <iframe src="https://your-council.example/invest-to-save/" title="Invest to save calculator"
//           data-invest-to-save width="100%" height="900"></iframe>
//   <script src="https://your-council.example/invest-to-save/embed.js" defer></script>
//
// The calculator tells the page its height whenever it changes; only frames marked
// data-invest-to-save, and only messages from those frames, are listened to.
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'invest-to-save:height') return;
    var height = Math.ceil(Number(data.height));
    if (!(height > 0 && height < 100000)) return;
    var frames = document.querySelectorAll('iframe[data-invest-to-save]');
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + 'px';
        frames[i].setAttribute('scrolling', 'no');
      }
    }
  });
})();
