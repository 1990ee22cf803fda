# 既定テーマの UI 文字列 (日本語)。
# locales/en/main.ftl の翻訳: ID は同じです。

language-name = 日本語

## ページの構成
skip-to-content = コンテンツへスキップ
menu = メニュー
close-menu = メニューを閉じる
toggle-dark-mode = ダーク モードの切り替え
language = 言語
site-navigation = サイト ナビゲーション
breadcrumbs = 階層リンク
pagination = その他のページ
home = ホーム

## 本文とフッター
on-this-page = このページの内容
previous = 前へ
next = 次へ
last-updated = 最終更新日: { $date }
phase = フェーズ
duplicate-notice = これはこのページの追加コピーです。
duplicate-notice-link = メインのバージョンへ移動
untranslated-notice = 閲覧していたページは、この言語ではまだ利用できません。こちらはこの言語のホーム ページです。

## 言語の切り替え
translation-missing = 未翻訳

## 注意書き
alert-note = 注記
alert-tip = ヒント
alert-important = 重要
alert-warning = 警告
alert-caution = 注意
alert-other = { $kind }

## DocFX のブロック (:::zone、:::moniker、タブ、:::image、[!VIDEO])
dfm-zone = 対象: { $values }
dfm-moniker = バージョン: { $range }
dfm-tabs = 選択肢
dfm-image-description = 画像の説明
dfm-video = 動画 ({ $host })
dfm-video-unavailable = 埋め込まれていない動画: { $url }

## 各言語のホーム ページ
home-sections = セクション
home-all-pages = すべてのページ
page-count = { $count } ページ
task-count = { $count } 件のタスク

## ルート ページ (言語の選択)
root-title = 言語を選択してください
root-intro = このプレイブックは次の言語で利用できます。

## 404 ページ
not-found-title = ページが見つかりません
not-found-text = お探しのページは存在しないか、移動されました。
not-found-homes = 各言語のホーム ページへ移動:

## サイドバーと目次

contents-title = 目次
contents-intro = このプレイブックのナビゲーションのすべての項目（順番どおり）。
nav-in-contents = { $name }：目次で表示
nav-more = 他 { $count } 件

## タスク カタログ
nav-tasks = タスク
catalog-title = タスク カタログ
catalog-intro = この言語のプレイブックに含まれるすべてのタスクです。列ごとに並べ替えでき、フェーズのチップで絞り込めます。ID をクリックするとタスクのページが開き、ページのリンクからはその行へ移動します。
catalog-no-phase = フェーズなし
catalog-empty = この言語にはまだタスクがありません。
catalog-phases = フェーズ
catalog-distinct-ids = 重複を除いた ID: { $count } 件
catalog-json = JSON でダウンロード
catalog-back = すべてのタスク
col-id = ID
col-task = タスク
col-requirement = 必須/オプション
col-role = ロール
col-services = サービス
col-where = 掲載場所
requirement-mandatory = 必須
requirement-optional = オプション
filter-title = タスクの絞り込み
filter-text = 検索
filter-text-hint = ID、名前、ロール、サービス
filter-service = サービス
filter-all = すべて
filter-reset = 絞り込みを解除
filter-sort = 並べ替え
filter-sort-page = フェーズ順
filter-no-match = 条件に一致するタスクはありません。

## タスクのページ
task-page-title = タスク { $id }: { $name }
task-label = タスク { $id }
task-where = 掲載場所
task-rows-here = この ID はこの言語で { $count } 行あります。
task-languages = すべての言語
task-status = 状態
task-open = タスクのページ
status-this = この言語
status-same = 必須/オプションが一致
status-differs = 必須/オプションが不一致
status-missing = なし

## 翻訳マトリックス
matrix-title = 翻訳マトリックス
matrix-intro = どのタスク ID がどの言語にあるかを示します。必須/オプションは { $language } と比較します (その言語にないタスクは、それを含む最初の言語と比較します)。
matrix-legend = 凡例
matrix-present = あり (必須/オプションが一致)
matrix-differs = あり (必須/オプションが不一致)
matrix-missing = なし
matrix-total-present = あり
matrix-total-differs = 不一致
matrix-total-missing = なし

## サイト内検索（ヘッダーの検索ボックス。JavaScript が有効な場合のみ）

search-label = このプレイブックを検索
search-placeholder = 検索
search-results-label = 検索結果
search-loading = 検索インデックスを読み込んでいます…
search-no-results = 一致する結果はありません。
search-error = 検索を読み込めませんでした。
search-results = 検索結果: { $count } 件

## コード ブロック
code-copy = コピー
code-copied = コピーしました

## フッター
edit-page = このページを編集

## カタログとマトリックス
catalog-csv = CSV でダウンロード
catalog-all-phases = すべてのフェーズ
matrix-gaps-only = 差異のみ
matrix-gaps-hint = いずれかの言語で欠けているか異なるタスクだけを表示します。
matrix-totals = 合計

## 404 ページ
not-found-suggestions = お探しのページはこちらかもしれません:
not-found-search = このプレイブックを検索

## 印刷用バージョン
print-link = 印刷または PDF として保存
print-title = { $title }: プレイブック全体
print-contents = 目次
print-updated = 更新日: { $date }
print-hint = ブラウザーの印刷コマンド (Ctrl+P) を使い、「PDF に保存」を選択してください。

## リダイレクト
redirect-title = このページは移動しました
redirect-text = 移動先:
